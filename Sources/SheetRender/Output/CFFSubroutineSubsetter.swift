import CHarfBuzzSubset
import CPangoCairo
import Foundation

/// Drops the subroutines no glyph of a bare CFF font program calls, keeping every glyph, its
/// id, outline and hints: HarfBuzz's subsetter (`hb_subset_or_fail`) run over all the
/// program's glyphs with their ids retained.
///
/// Why: cairo 1.16 subsets a CFF font's glyphs but decides per font whether it can subset the
/// subroutines too, by walking each glyph's charstring. Its walk does not enter a CID font's
/// local subroutine a second time, so a glyph whose whole outline lives in a subroutine an
/// earlier glyph already used looks to it like a `seac` accent composite (an `endchar` with
/// arguments and no path), which it refuses; it then keeps every subroutine of the font. In
/// Noto Sans CJK JP Regular two kana of the Japanese sample sheet do that, and the sheet
/// carried all 28 516 local subroutines of the ideographs' font dictionary: a 1 048 816-byte
/// font program for 253 glyphs, which this makes 47 976 bytes with the same outlines
/// (fontTools' recording pen, glyph by glyph).
///
/// HarfBuzz reads fonts, not bare CFF, so the program goes in as the only outline table of an
/// OpenType face built in memory, beside a version-0.5 `maxp` giving its glyph count (read by
/// FreeType, which opens bare CFF), and comes out as that face's subset `CFF ` table.
enum CFFSubroutineSubsetter {
    /// `program` with only the subroutines its glyphs call, or nil when HarfBuzz cannot subset
    /// it or the result would not be smaller or keep every glyph.
    static func subset(_ program: Data) -> Data? {
        guard let glyphCount = glyphCount(of: program), glyphCount > 0, glyphCount <= Int(UInt16.max) else { return nil }
        return program.withUnsafeBytes { raw -> Data? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count <= Int(UInt32.max) else { return nil }
            guard let builder = hb_face_builder_create() else { return nil }
            defer { hb_face_destroy(builder) }
            let cff = hb_blob_create(base, UInt32(raw.count), HB_MEMORY_MODE_READONLY, nil, nil)
            defer { hb_blob_destroy(cff) }
            var maxp: [UInt8] = [0x00, 0x00, 0x50, 0x00, UInt8(glyphCount >> 8), UInt8(glyphCount & 0xFF)]
            let maxpBlob = maxp.withUnsafeMutableBytes { bytes in
                hb_blob_create(
                    bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(bytes.count), HB_MEMORY_MODE_DUPLICATE, nil, nil)
            }
            defer { hb_blob_destroy(maxpBlob) }
            guard hb_face_builder_add_table(builder, tag("CFF "), cff) != 0,
                  hb_face_builder_add_table(builder, tag("maxp"), maxpBlob) != 0
            else { return nil }
            let font = hb_face_reference_blob(builder)
            defer { hb_blob_destroy(font) }
            let face = hb_face_create(font, 0)
            defer { hb_face_destroy(face) }
            guard hb_face_get_glyph_count(face) == UInt32(glyphCount), let input = hb_subset_input_create_or_fail() else {
                return nil
            }
            defer { hb_subset_input_destroy(input) }
            hb_set_add_range(hb_subset_input_glyph_set(input), 0, UInt32(glyphCount - 1))
            hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NOTDEF_OUTLINE.rawValue)
            guard let subset = hb_subset_or_fail(face, input) else { return nil }
            defer { hb_face_destroy(subset) }
            let table = hb_face_reference_table(subset, tag("CFF "))
            defer { hb_blob_destroy(table) }
            var length: UInt32 = 0
            guard let data = hb_blob_get_data(table, &length), length > 0, Int(length) < raw.count else { return nil }
            let result = Data(bytes: data, count: Int(length))
            return Self.glyphCount(of: result) == glyphCount ? result : nil
        }
    }

    /// The number of glyphs FreeType finds in a bare CFF program, nil when it cannot open it.
    static func glyphCount(of program: Data) -> Int? {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return nil }
        defer { FT_Done_FreeType(library) }
        return program.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: FT_Byte.self) else { return nil }
            var face: FT_Face?
            guard FT_New_Memory_Face(library, base, FT_Long(raw.count), 0, &face) == 0, let face else { return nil }
            defer { FT_Done_Face(face) }
            return Int(face.pointee.num_glyphs)
        }
    }

    /// An OpenType table tag from its four ASCII characters (HarfBuzz's `HB_TAG`).
    private static func tag(_ name: StaticString) -> hb_tag_t {
        name.withUTF8Buffer { $0.reduce(0) { ($0 << 8) | hb_tag_t($1) } }
    }
}
