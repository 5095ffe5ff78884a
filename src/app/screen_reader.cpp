#include "app/screen_reader.h"

#include <algorithm>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/item_locator.h"
#include "platform/text_agent.h"

namespace reftier::app {

namespace {

ImGuiID g_announced_item = 0;
std::vector<std::string> g_findings_now, g_findings_before;

std::string focused_item_words() {
    const TrackedItem& item = focused_item();
    std::string words = item.label;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (item.id != 0 && g.ActiveId == item.id && g.InputTextState.ID == item.id) {
        const ImGuiInputTextState& state = g.InputTextState;
        std::string text(static_cast<std::size_t>(state.CurLenW) * 4 + 1, '\0');
        text.resize(static_cast<std::size_t>(
            ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), state.TextW.Data,
                            state.TextW.Data + state.CurLenW)));
        words += text.empty() ? ", edit text, empty" : ", edit text, " + text;
    }
    return words;
}

} // namespace

void finding_shown(const std::string& text) {
    g_findings_now.push_back(text);
}

void announce_changes() {
    std::string words;
    const TrackedItem& item = focused_item();
    if (item.id != g_announced_item && !item.label.empty()) {
        g_announced_item = item.id;
        words = focused_item_words();
    }
    // Findings that were not on screen in the last frame, at most three at once.
    int added = 0;
    for (const std::string& f : g_findings_now) {
        if (std::find(g_findings_before.begin(), g_findings_before.end(), f) !=
            g_findings_before.end())
            continue;
        if (added++ == 3) break;
        words += (words.empty() ? "" : ". ") + f;
    }
    g_findings_before.swap(g_findings_now);
    g_findings_now.clear();
    if (!words.empty()) platform::announce(words);
}

} // namespace reftier::app
