#include "core/tier_progress.h"
