extension Suggestion {
    /// The candidate closest to `word` by edit distance (ignoring case), however far it is;
    /// ties go to the earlier candidate. For messages that name "the closest" of a few known
    /// names (a survey's headers, the profiles of a run) even when none is a likely typo.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }
}
