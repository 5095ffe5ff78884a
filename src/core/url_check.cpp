#include "core/url_check.h"
