import CPangoCairo
import Foundation

/// Keeps cairo from closing a FreeType face while another thread draws with it.
///
/// Cairo 1.16 opens the font files Pango asks for itself, all through one `FT_Library` shared
/// by the process, and keeps at most 10 of them open (`MAX_OPEN_FACES` in cairo-ft-font.c):
/// opening another closes a random face that no thread has locked. It reads each face's lock
/// count without taking that face's mutex, though, so it can close a face another thread has
/// just locked for loading a glyph: that thread then reads a destroyed face (a crash in cairo
/// or FreeType, or "error occurred in libfreetype" when FreeType notices). Workers measuring
/// and drawing Latin, Japanese, Arabic and Ethiopic text use well over 10 font files, so they
/// close each other's faces all the time. Cairo also opens faces outside that map lock, while
/// another thread may be closing one, though FreeType needs `FT_New_Face` and `FT_Done_Face`
/// on one library serialised.
///
/// The fix: the faces Pango's fonts draw with are opened here instead, once per font file,
/// under a lock, from a library of our own, and never closed; cairo receives them in the
/// pattern it makes the font face from (`FC_FT_FACE`), so it neither opens nor closes a face
/// for Pango. Cairo still serialises each face's use with that face's mutex. This wraps the
/// method that makes a Pango font's cairo font face (`create_font_face` of Pango's
/// `PangoCairoFont` interface): Pango calls it once per font, so the lock costs nothing
/// measurable. The font faces it makes are kept too: cairo keeps a list of the font faces made
/// from one file and changes it without a lock, both when it makes one (which this lock now
/// serialises) and when one is destroyed (which then never happens). Both stay few: a face per
/// font file used, a font face per file and set of font options (not per size). librsvg draws
/// SVG text with fonts of the same class, so its fonts get such faces too.
enum CairoFontFaces {
    /// Wraps the method, once for the process. Every `SharedFontMap` and `VectorImage` touches this
    /// before it uses Pango, so the wrapper is in place before any worker thread draws text.
    static let installed: Void = install()

    private static let lock = NSLock()
    /// Pango's own method; written once, in `install`, before anything can call the wrapper.
    nonisolated(unsafe) private static var original: CreateFontFace?
    // The rest is only touched with `lock` held.
    nonisolated(unsafe) private static var library: FT_Library?
    nonisolated(unsafe) private static var faces: [FaceKey: FT_Face] = [:]
    nonisolated(unsafe) private static var kept: Set<OpaquePointer> = []

    /// How many font files have a face opened here, for tests.
    static var openFaces: Int {
        lock.lock()
        defer { lock.unlock() }
        return faces.count
    }

    private typealias CreateFontFace = @convention(c) (OpaquePointer?) -> OpaquePointer?

    private struct FaceKey: Hashable {
        var file: String
        var index: Int32
    }

    private static func install() {
        guard let classPointer = PangoFontClassLookup.referenced(),
              let interface = g_type_interface_peek(classPointer, pango_cairo_font_get_type())
        else { return }
        let methods = interface.assumingMemoryBound(to: ProfilesheetPangoCairoFontIface.self)
        guard let method = methods.pointee.create_font_face else { return }
        original = method
        methods.pointee.create_font_face = { font in
            CairoFontFaces.lock.lock()
            defer { CairoFontFaces.lock.unlock() }
            return CairoFontFaces.makeFontFace(font)
        }
    }

    /// The cairo font face for `font` (a `PangoCairoFcFont`), with a face opened here; Pango's
    /// own when the font has no file or FreeType cannot open it (cairo could not either).
    private static func makeFontFace(_ font: OpaquePointer?) -> OpaquePointer? {
        guard let font, let pattern = UnsafeMutablePointer<PangoFcFont>(font).pointee.font_pattern,
              let face = face(for: pattern), let copy = FcPatternDuplicate(pattern)
        else { return original?(font) }
        defer { FcPatternDestroy(copy) }
        FcPatternDel(copy, FC_FT_FACE)
        guard FcPatternAddFTFace(copy, FC_FT_FACE, face) != 0 else { return original?(font) }
        // A new reference for Pango, like Pango's own method returns.
        let fontFace = cairo_ft_font_face_create_for_pattern(copy)
        if let fontFace, cairo_font_face_status(fontFace) == CAIRO_STATUS_SUCCESS, kept.insert(fontFace).inserted {
            _ = cairo_font_face_reference(fontFace)
        }
        return fontFace
    }

    /// The face of the pattern's font file, opened on first use.
    private static func face(for pattern: OpaquePointer) -> FT_Face? {
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        var index: Int32 = 0
        if FcPatternGetInteger(pattern, FC_INDEX, 0, &index) != FcResultMatch { index = 0 }
        let key = FaceKey(file: String(cString: file), index: index)
        if let face = faces[key] { return face }
        if library == nil {
            var made: FT_Library?
            guard FT_Init_FreeType(&made) == 0 else { return nil }
            library = made
        }
        var face: FT_Face?
        guard FT_New_Face(library, key.file, FT_Long(index), &face) == 0, let face else { return nil }
        faces[key] = face
        return face
    }
}
