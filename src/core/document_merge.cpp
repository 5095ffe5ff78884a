#include "core/document_merge.h"
