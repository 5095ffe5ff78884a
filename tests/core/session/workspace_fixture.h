// A Workspace set up as the app sets it up, for the session tests. A Workspace is neither
// copied nor moved (its checks in progress read its own references), so a test declares one
// and fills it in place.
#pragma once

#include <gtest/gtest.h>

#include <utility>

#include "core/session/workspace.h"
#include "core/test_assets.h"

namespace reftier::test {

// The shipped rules (title, tier and AWS service names) and `document`, without undo history.
inline void load_workspace(Workspace& workspace, Document document) {
    EXPECT_TRUE(workspace
                    .load_rules(read_asset("title_rules.json"), read_asset("tier_rules.json"),
                                read_asset("aws_services.json"))
                    .empty());
    workspace.load_without_history(std::move(document));
}

} // namespace reftier::test
