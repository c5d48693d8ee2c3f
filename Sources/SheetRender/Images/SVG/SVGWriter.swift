/// Writes the cleaned document as XML text: every name comes from the allow-list and every
/// attribute value and text is escaped, so nothing read from the file can open markup.
struct SVGWriter {
    private(set) var text = ""

    mutating func open(_ name: String, attributes: [(name: String, value: String)], empty: Bool = false) {
        text += "<" + name
        for attribute in attributes { text += " \(attribute.name)=\"\(Self.escaped(attribute.value, attribute: true))\"" }
        text += empty ? "/>" : ">"
    }

    mutating func close(_ name: String) { text += "</\(name)>" }

    mutating func characters(_ string: String) { text += Self.escaped(string, attribute: false) }

    static func escaped(_ string: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t" where attribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
