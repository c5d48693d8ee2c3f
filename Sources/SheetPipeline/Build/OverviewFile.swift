import Foundation

/// What `writeOverview` hands to the collection: the overview's PDF, its bookmark, and the
/// collection's title and language in the overview's words.
struct OverviewFile {
    var pdf: Data
    var bookmark: String
    var collectionTitle: String
    var language: String
}
