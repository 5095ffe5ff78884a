#include "app/frame_fingerprint.h"

#include <functional>
#include <string_view>

namespace reftier::app {

namespace {

template <typename T> std::size_t hash_of(const ImVector<T>& items) {
    return std::hash<std::string_view>{}(
        std::string_view(reinterpret_cast<const char*>(items.Data),
                         static_cast<std::size_t>(items.size_in_bytes())));
}

} // namespace

FrameFingerprint fingerprint_of(const ImDrawData& data, int width, int height, const ImVec4& clear,
                                int texture_build) {
    FrameFingerprint print;
    print.setup = {static_cast<std::size_t>(width), static_cast<std::size_t>(height),
                   ImGui::ColorConvertFloat4ToU32(clear), static_cast<std::size_t>(texture_build)};
    print.lists.reserve(static_cast<std::size_t>(data.CmdListsCount) * 6);
    for (const ImDrawList* list : data.CmdLists) {
        // ImDrawCmd's constructor clears it whole, padding included, so its bytes can be hashed.
        print.lists.insert(
            print.lists.end(),
            {static_cast<std::size_t>(list->VtxBuffer.Size), hash_of(list->VtxBuffer),
             static_cast<std::size_t>(list->IdxBuffer.Size), hash_of(list->IdxBuffer),
             static_cast<std::size_t>(list->CmdBuffer.Size), hash_of(list->CmdBuffer)});
    }
    return print;
}

} // namespace reftier::app
