#include "core/document_json.h"
