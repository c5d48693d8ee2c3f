/// "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough.
public enum Suggestion {
    /// The candidate closest to `word` (ignoring case), when at most a third of its letters
    /// (and at least one) differ; ties go to the earlier candidate.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let allowed = max(1, min(target.count, candidate.count) / 3)
            // The distance is at least the difference in length: skip the work (and a long word's
            // quadratic cost) when that alone is too far.
            guard abs(target.count - candidate.count) <= allowed else { continue }
            let distance = editDistance(target, Array(candidate.lowercased()))
            guard distance <= allowed else { continue }
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `did you mean 'name'?`, or nil.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of neighbours counts one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
