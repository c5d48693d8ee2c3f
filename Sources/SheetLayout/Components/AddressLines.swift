/// A web or e-mail address too wide for its column, broken into lines where a reader still
/// sees one address: before `/`, `.`, `-`, `_`, `?`, `#`, `%`, `~`, `,` and `@`, before or
/// after `=` and `&`, never after `//` (the Chicago Manual's rules for URLs, 17th ed., 6.80).
/// No hyphen is added, so nothing reads as part of the address that is not. A piece still
/// wider than the column is cut between characters, which only a made-up address needs.
enum AddressLines {
    static let breakBefore: Set<Character> = ["/", ".", "-", "_", "?", "#", "%", "~", ",", "@", "=", "&"]
    static let breakAfter: Set<Character> = ["=", "&"]

    /// The pieces no line breaks inside, in order.
    static func pieces(_ address: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var previous: Character?
        for character in address {
            let doubleSlash = character == "/" && previous == "/"
            let afterColon = previous == ":"
            let breaks = !current.isEmpty && !doubleSlash
                && (breakBefore.contains(character) || previous.map(breakAfter.contains) == true || afterColon)
            if breaks {
                pieces.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The address in as few lines as `fits` allows, filled greedily from the start.
    static func lines(_ address: String, fits: (String) -> Bool) -> [String] {
        var lines: [String] = []
        var line = ""
        for piece in pieces(address) {
            if fits(line + piece) {
                line += piece
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            // A piece wider than the column on its own: cut between characters.
            for character in piece {
                if line.isEmpty || fits(line + String(character)) {
                    line.append(character)
                } else {
                    lines.append(line)
                    line = String(character)
                }
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
