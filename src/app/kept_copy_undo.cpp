// The Undo step of a large import holds a copy kept aside in browser storage instead of the
// replaced document (issue 14: on 100,000 references the replaced document is about 41 MB of
// wasm memory, held while the new one is read and checked). When a replace starts and the open
// document is the stored one (saved, and not changed since here or in another tab), that copy
// is asked for; the import uses it only when storage says it is there and nothing changed
// meanwhile, and otherwise keeps the replaced document in memory as before. Undo then reads the
// copy back a slice at a time, as an import does (import_run.cpp), and hands it to the
// Workspace; a copy that can no longer be read ends that part of the history, with a message.
#include <utility>

#include "app/app.h"
#include "platform/browser.h"

namespace reftier::app {

namespace {

// Smaller documents keep their Undo in memory: it costs little there, and Undo stays at once.
constexpr std::size_t kKeptCopyUndoReferences = 20000;
// How long an import that has finished waits for storage to confirm the copy (usually there
// long before: the copy is made inside storage while the file is read), before it keeps the
// replaced document in memory after all.
constexpr double kKeptCopyWaitMs = 3000;

} // namespace

void ask_for_undo_copy(App& app) {
    app.undo_copy = UndoCopy{};
    const Document& document = app.workspace.document();
    if (document.references.size() < kKeptCopyUndoReferences) return;
    if (current_save_state(app) != SaveState::Saved || app.other_tab_changed) return;
    app.undo_copy.revision = app.workspace.revision();
    app.undo_copy.asked_ms = platform::now_ms();
    platform::keep_stored_aside("before-import", true);
}

void undo_copy_kept(App& app, const char* key) {
    if (app.undo_copy.revision == 0 || !app.undo_copy.key.empty() || app.undo_copy.failed) return;
    if (key)
        app.undo_copy.key = key;
    else
        app.undo_copy.failed = true;
}

bool waiting_for_undo_copy(const App& app) {
    const UndoCopy& copy = app.undo_copy;
    return copy.revision != 0 && copy.key.empty() && !copy.failed &&
           platform::now_ms() - copy.asked_ms < kKeptCopyWaitMs;
}

std::string take_undo_copy(App& app) {
    const UndoCopy copy = std::exchange(app.undo_copy, UndoCopy{});
    if (copy.revision == 0) {
        keep_aside_before_replacing(app);
        return {};
    }
    if (!copy.key.empty() && copy.revision == app.workspace.revision() &&
        current_save_state(app) == SaveState::Saved && !app.other_tab_changed)
        return copy.key;
    // Changed since, or not (yet) in storage: what is open now goes aside too, unless the asked
    // copy, still on its way, is that document.
    if (copy.revision != app.workspace.revision() || copy.failed) keep_aside_before_replacing(app);
    return {};
}

void undo_from_kept_copy(App& app) {
    const std::string& key = app.workspace.undo_needs_kept_copy();
    if (app.import_run) {
        show_toast(app, "Undo waits for the import under way to end");
        return;
    }
    app.undo_reading = key;
    platform::open_kept_aside(key);
}

void kept_copy_opened_for_undo(App& app, const char* error) {
    const std::string key = std::exchange(app.undo_reading, std::string());
    const std::string what = app.workspace.undo_description();
    if (app.workspace.undo_needs_kept_copy() != key) {
        show_toast(app, "Undo stopped: the document was changed meanwhile");
        return;
    }
    if (error) {
        app.workspace.forget_undo_from_kept_copy(key);
        show_toast(app, "Cannot undo " + what + ": the copy kept aside for it could not be read (" +
                            error + "); the history before it is gone");
        return;
    }
    start_undo_run(app, key, what);
}

void finish_undo_run(App& app, const std::string& key, const std::string& what, ReadResult read) {
    if (!read.document) {
        app.workspace.forget_undo_from_kept_copy(key);
        show_toast(app, "Cannot undo " + what + ": the copy kept aside for it could not be read (" +
                            to_string(read.errors.front()) + "); the history before it is gone");
        return;
    }
    const EditResult result = app.workspace.undo_with_kept_copy(key, std::move(*read.document));
    if (result)
        show_toast(app, "Undone: " + what);
    else
        show_toast(app, "Cannot undo " + what + ": " + result.message());
}

} // namespace reftier::app
