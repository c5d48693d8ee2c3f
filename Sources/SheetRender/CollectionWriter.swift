import Foundation
import SheetLayout

/// Writes many sheets into one PDF, one at a time, with an outline entry per sheet (its
/// `bookmark`) and one per page below it. Memory stays that of one sheet however many are
/// added. Not thread-safe: one writer serves one thread.
public final class CollectionWriter {
    private let writer: PDFStreamWriter

    /// A collection written to `path` (created or replaced in place; atomic renaming is the
    /// caller's business), described by `metadata`.
    public init(path: String, metadata: DocumentMetadata, measurer: PangoTextMeasurer = PangoTextMeasurer(), imagePixelsPerPoint: Double = 3) throws {
        writer = PDFStreamWriter(
            sink: try OutputSink(path: path), metadata: metadata, grouped: true, measurer: measurer, images: ImageCache(),
            imagePixelsPerPoint: imagePixelsPerPoint)
    }

    public func add(_ document: SheetDocument) throws {
        do {
            try writer.add(document)
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Completes the file; on failure the partial file is removed.
    public func finish() throws {
        do {
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Gives up and removes the partial file.
    public func abandon() {
        writer.abandon()
    }
}
