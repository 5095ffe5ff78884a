// The work that follows a change of the document, done between frames rather than inside them:
// the document checks, the title lookup, the filter's rows and the glyph scan. The render loop
// (main.cpp) gives it a slice on every display refresh that draws nothing; a drawn frame gives
// it what is left of the frame's budget. While it goes on, frames are drawn only for input and
// a few times a second for the progress notes.
//
// Why not one slice per drawn frame, as before: drawing is the dear part. In software GL (and
// on a slow GPU) a frame of the 100,000-reference table costs 70-140 ms besides the app's own
// work, so after an import the checks took 10-11 s, nearly all of it frames, each a task the
// browser counts as long (issue 14).
#include <algorithm>

#include "app/app.h"
#include "app/font_atlas.h"
#include "platform/browser.h"

namespace reftier::app {

void advance_background_work(App& app, double budget_ms) {
    // A drawn frame whose views spent its budget gives none: each walk below would still take
    // its first slice, and the next refresh that draws nothing gives 20 ms.
    if (budget_ms <= 0) return;
    static bool was_pending = false;
    Workspace& ws = app.workspace;
    const double until = platform::now_ms() + budget_ms;
    const auto left = [until] { return std::max(0.0, until - platform::now_ms()); };
    // Cheapest first, so a small change is shown soon: each call returns at once when its
    // work is done, and the rest of the slice goes to the next.
    bool done = scan_document_glyphs(ws.document(), ws.revision(), left());
    done = ws.title_lookup_within(left()) && done;
    done = ws.reference_check_within(left()) != nullptr && done;
    ws.query_rows(app.query, left());
    done = !ws.query_pending() && done;
    // The frame that shows what the work found: nothing else would ask for it.
    if (was_pending && done) platform::request_frames(2);
    was_pending = !done;
}

} // namespace reftier::app
