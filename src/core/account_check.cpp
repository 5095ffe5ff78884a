#include "core/account_check.h"
