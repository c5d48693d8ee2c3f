/// A profile's logo: the path as written, the file it resolved to, and what its header says.
public struct LogoFile: Sendable, Hashable {
    /// The path as written in the profile, relative to the profile's folder.
    public var path: String
    /// The absolute path after resolving symlinks; inside the profiles root.
    public var resolvedPath: String
    public var format: ImageFormat
    /// Intrinsic size: pixels for raster images, CSS pixels (user units) for SVG.
    public var width: Double
    public var height: Double

    public init(path: String, resolvedPath: String, format: ImageFormat, width: Double, height: Double) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.format = format
        self.width = width
        self.height = height
    }
}

/// Image formats a logo may have, told apart by their first bytes, not their file name.
public enum ImageFormat: String, Sendable, Hashable {
    case png
    case jpeg
    case svg
}
