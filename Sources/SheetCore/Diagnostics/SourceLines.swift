/// Lines of a source text as libyaml and editors count them: a line ends at `\r\n`, `\r` or
/// `\n`. (libyaml also breaks lines at U+0085, U+2028 and U+2029, which most editors do not;
/// a file holding one is refused before libyaml reads it, so that line numbers agree.)
/// Diagnostics quote lines split this way, so that a line number from libyaml and the line
/// printed under it are the same line.
public enum SourceLines {
    public static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isBreak(scalar) {
                lines.append(Substring(scalars[start..<index]))
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        lines.append(Substring(scalars[start..<scalars.endIndex]))
        return lines
    }

    /// 1-based line `number` of `text`, without its break.
    public static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        let lines = split(text)
        return number <= lines.count ? String(lines[number - 1]) : nil
    }

    public static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r": true
        default: false
        }
    }
}
