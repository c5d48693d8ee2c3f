import Foundation

/// A laid-out sheet: pages of frames plus the document's metadata. Renderers only read it.
public struct SheetDocument: Sendable, Hashable {
    public var pages: [Page]
    public var metadata: DocumentMetadata

    public init(pages: [Page], metadata: DocumentMetadata) {
        self.pages = pages
        self.metadata = metadata
    }
}

/// One page: its size and the frame holding everything on it (origin at the page's corner).
public struct Page: Sendable, Hashable {
    public var size: Size
    public var frame: Frame
    /// The page's title, for the PDF outline ("At a glance").
    public var title: String

    public init(size: Size, frame: Frame, title: String) {
        self.size = size
        self.frame = frame
        self.title = title
    }
}

/// What the PDF's document information says.
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    public var subject: String
    public var keywords: [String]
    public var author: String?
    public var creator: String
    /// BCP 47 tag of the content's main language.
    public var language: String
    /// The creation and modification date written into the PDF; from `SOURCE_DATE_EPOCH`
    /// when set, so that builds are reproducible.
    public var date: Date
    /// An outline entry naming the document, for collections.
    public var bookmark: String

    public init(
        title: String, subject: String, keywords: [String], author: String? = nil, creator: String,
        language: String, date: Date, bookmark: String
    ) {
        self.title = title
        self.subject = subject
        self.keywords = keywords
        self.author = author
        self.creator = creator
        self.language = language
        self.date = date
        self.bookmark = bookmark
    }
}
