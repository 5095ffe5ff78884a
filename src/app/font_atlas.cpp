// Builds and extends the font atlas from the characters the document and the user's typing use.
#include "app/font_atlas.h"

#include <algorithm>
#include <set>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/format/text_file.h"
#include "core/text/utf8_text.h"
#include "platform/browser.h"
#include "platform/font_fetch.h"

namespace reftier::app {

namespace {

struct Range {
    char32_t first, last;
    bool contains(char32_t c) const { return c >= first && c <= last; }
};

// The embedded font's blocks: src/app/CMakeLists.txt subsets it to exactly these
// (APP_FONT_UNICODES, passed in as REFTIER_BASE_FONT_UNICODES, "U+0020-024F,U+0300-036F,...").
std::vector<Range> base_font_blocks() {
    std::vector<Range> blocks;
    const std::string list = REFTIER_BASE_FONT_UNICODES;
    for (std::size_t at = 0; at < list.size();) {
        std::size_t end = list.find(',', at);
        if (end == std::string::npos) end = list.size();
        const std::string item = list.substr(at + 2, end - at - 2); // after "U+"
        const std::size_t dash = item.find('-');
        const auto first = static_cast<char32_t>(std::stoul(item.substr(0, dash), nullptr, 16));
        const auto last =
            dash == std::string::npos
                ? first
                : static_cast<char32_t>(std::stoul(item.substr(dash + 1), nullptr, 16));
        blocks.push_back({first, last});
        at = end + 1;
    }
    return blocks;
}

// ImGui sizes a font by its line height (hhea ascender - descender), which differs between fonts:
// the fallbacks are sized so that their em matches the base font's (DejaVu Sans: 2048 units to
// the em, ascender 1901, descender -483), so a CJK character is as large as a Latin one.
constexpr float kBaseEmPerLineHeight = 2048.0f / (1901 + 483);

// Line height / em of an OpenType font (its 'head' and 'hhea' tables), 1 if unreadable.
float line_height_in_ems(const std::vector<unsigned char>& font) {
    const auto u16 = [&](std::size_t at) {
        return at + 2 <= font.size() ? static_cast<unsigned>(font[at] << 8 | font[at + 1]) : 0u;
    };
    const auto s16 = [&](std::size_t at) {
        return static_cast<int>(static_cast<std::int16_t>(u16(at)));
    };
    std::size_t head = 0, hhea = 0;
    for (unsigned i = 0, tables = u16(4); i < tables; ++i) {
        const std::size_t record = 12 + 16 * std::size_t{i};
        if (record + 16 > font.size()) break;
        const std::string tag(font.begin() + static_cast<long>(record),
                              font.begin() + static_cast<long>(record) + 4);
        const std::size_t offset = std::size_t{u16(record + 8)} << 16 | u16(record + 10);
        if (tag == "head") head = offset;
        if (tag == "hhea") hhea = offset;
    }
    const unsigned units_per_em = head ? u16(head + 18) : 0;
    if (!units_per_em || !hhea) return 1;
    return static_cast<float>(s16(hhea + 4) - s16(hhea + 6)) / static_cast<float>(units_per_em);
}

// Drawn from the start: what the app's own words use.
constexpr Range kInterfaceRanges[] = {{0x0020, 0x017F}, {0x2010, 0x205E}};

struct Slice {
    Range range;
    std::string file;
    bool whole = false; // a small block: drawn whole once any of it is needed
    enum class State { Absent, Fetching, Here, Failed } state = State::Absent;
    std::vector<unsigned char> data;
};

std::vector<Range> g_base_blocks;
std::vector<Slice> g_slices;
std::set<char32_t> g_needed; // characters seen that the atlas must draw
bool g_stale = false;
std::vector<std::vector<ImWchar>> g_glyph_ranges; // alive until the atlas is built

struct DocumentScan {
    std::uint64_t revision = 0;
    std::size_t next = 0;
} g_scan;

Slice* slice_for(char32_t c) {
    for (Slice& s : g_slices)
        if (s.range.contains(c)) return &s;
    return nullptr;
}

bool in_base_font(char32_t c) {
    return std::any_of(g_base_blocks.begin(), g_base_blocks.end(),
                       [&](const Range& r) { return r.contains(c); });
}

void on_font(const char* file, const unsigned char* data, std::size_t size) {
    for (Slice& s : g_slices) {
        if (s.file != file) continue;
        s.state = data ? Slice::State::Here : Slice::State::Failed;
        if (data) s.data.assign(data, data + size);
        g_stale = g_stale || data != nullptr;
    }
}

void need(char32_t c) {
    if (c < 0x80 || !g_needed.insert(c).second) return;
    if (in_base_font(c)) {
        g_stale = true;
        return;
    }
    Slice* slice = slice_for(c);
    if (!slice) return; // no font has it: drawn as "?"
    if (slice->state == Slice::State::Here) g_stale = true;
    if (slice->state == Slice::State::Absent) {
        slice->state = Slice::State::Fetching;
        platform::fetch_font(slice->file.c_str(), on_font);
    }
}

// ImGui's zero-terminated list of inclusive ranges.
const ImWchar* glyph_ranges(const std::vector<Range>& ranges) {
    std::vector<ImWchar>& list = g_glyph_ranges.emplace_back();
    for (const Range& r : ranges) {
        list.push_back(static_cast<ImWchar>(r.first));
        list.push_back(static_cast<ImWchar>(r.last));
    }
    list.push_back(0);
    return list.data();
}

// What to draw of `block`: all of it, or only the characters needed.
void add_needed(std::vector<Range>& ranges, const Range& block, bool whole) {
    const auto first = g_needed.lower_bound(block.first);
    if (first == g_needed.end() || *first > block.last) return;
    if (whole) {
        ranges.push_back(block);
        return;
    }
    for (auto it = first; it != g_needed.end() && *it <= block.last; ++it)
        ranges.push_back({*it, *it});
}

} // namespace

void init_font_atlas() {
    g_base_blocks = base_font_blocks();
    const auto manifest = read_text_file("/assets/fonts/slices.json");
    if (!manifest) return;
    for (const auto& entry : nlohmann::json::parse(*manifest, nullptr, false)) {
        Slice s;
        s.range = {entry.value("first", 0u), entry.value("last", 0u)};
        s.file = entry.value("file", "");
        s.whole = entry.value("whole", false);
        g_slices.push_back(std::move(s));
    }
}

void need_glyphs(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            ++at;
            continue;
        }
        const CodePoint c = decode_utf8(text, at);
        need(c.value);
        at += c.length;
    }
}

bool scan_document_glyphs(const Document& document, std::uint64_t revision, double budget_ms) {
    if (g_scan.revision != revision) {
        g_scan = {revision, 0};
        need_glyphs(document.partner.name);
        for (const Account& a : document.accounts) need_glyphs(a.name);
    }
    const double until = platform::now_ms() + budget_ms;
    const auto& refs = document.references;
    while (g_scan.next < refs.size()) {
        const Reference& r = refs[g_scan.next++];
        for (const std::string* text :
             {&r.customer, &r.title, &r.url, &r.workload, &r.industry, &r.notes})
            need_glyphs(*text);
        for (const std::string& s : r.services) need_glyphs(s);
        if ((g_scan.next & 255) == 0 && platform::now_ms() > until) return false;
    }
    return true;
}

bool font_atlas_stale() {
    return g_stale;
}

void build_font_atlas(float pixel_size) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    g_glyph_ranges.clear();
    g_glyph_ranges.reserve(g_slices.size() + 1); // the lists must not move until the build
    g_stale = false;

    std::vector<Range> base(std::begin(kInterfaceRanges), std::end(kInterfaceRanges));
    for (const Range& block : g_base_blocks) add_needed(base, block, true);
    ImFontConfig config;
    config.OversampleH = 2;
    if (!io.Fonts->AddFontFromFileTTF("/assets/fonts/RefTierSans.ttf", pixel_size, &config,
                                      glyph_ranges(base))) {
        io.Fonts->AddFontDefault();
        return;
    }
    for (Slice& slice : g_slices) {
        if (slice.state != Slice::State::Here) continue;
        std::vector<Range> ranges;
        add_needed(ranges, slice.range, slice.whole);
        if (ranges.empty()) continue;
        ImFontConfig merged;
        merged.MergeMode = true;
        merged.FontDataOwnedByAtlas = false; // the slice keeps its bytes for the next build
        merged.OversampleH = 1; // CJK strokes are dense: the atlas stays a quarter the size
        const float size = pixel_size * kBaseEmPerLineHeight * line_height_in_ems(slice.data);
        io.Fonts->AddFontFromMemoryTTF(slice.data.data(), static_cast<int>(slice.data.size()), size,
                                       &merged, glyph_ranges(ranges));
    }
}

std::string glyphs_missing(std::string_view text) {
    std::string missing;
    const ImFont* font =
        ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint c = decode_utf8(text, at);
        at += c.length;
        if (font && font->FindGlyphNoFallback(static_cast<ImWchar>(c.value))) continue;
        append_utf8(missing, c.value);
    }
    return missing;
}

} // namespace reftier::app
