// What a frame puts on the canvas, in a few numbers, so that a frame that would draw the same
// picture as the one on screen is not drawn again. ImGui asks for a few frames after every
// input event to settle hover and focus, and most of them are identical. Without a GPU the
// browser composites in software and reads the WebGL canvas back after every drawn frame
// (70-280 ms in SwiftShader on two cores, "GPU stall due to ReadPixels"); a canvas not drawn
// into in a frame keeps showing its last picture and costs nothing.
#pragma once

#include <cstddef>
#include <vector>

#include <imgui.h>

namespace reftier::app {

struct FrameFingerprint {
    // The canvas size, the clear colour and the font texture's build.
    std::vector<std::size_t> setup;
    // A draw list each: its buffers' sizes and hashes (ImGui's vertices, indices and commands
    // hold everything drawn, texture ids and clip rectangles included).
    std::vector<std::size_t> lists;
    bool operator==(const FrameFingerprint&) const = default;
};

// `texture_build` changes whenever the font texture is uploaded again (the same vertices may
// then show other glyphs).
FrameFingerprint fingerprint_of(const ImDrawData& data, int width, int height, const ImVec4& clear,
                                int texture_build);

} // namespace reftier::app
