/// An SVG logo after `SVGCleaner`: the bytes librsvg is given, and what was left out.
public struct CleanedSVG: Sendable, Equatable {
    /// UTF-8 XML: one `<svg>` with only allowed elements, attributes and CSS.
    public var bytes: [UInt8]
    /// What the file held that a logo may not, in the order met (`<script>`,
    /// `url(file:///etc/passwd)`…), each at most 60 characters; empty for a clean file.
    public var leftOut: [String]

    public init(bytes: [UInt8], leftOut: [String]) {
        self.bytes = bytes
        self.leftOut = leftOut
    }
}
