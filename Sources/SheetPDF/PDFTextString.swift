import Foundation

/// PDF text strings (ISO 32000-1, 7.9.2.2) as written into objects.
package enum PDFTextString {
    /// A literal string for printable ASCII, else UTF-16BE with a byte order mark, in hex.
    package static func encode(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            var escaped = ""
            for character in text {
                if character == "(" || character == ")" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return "(\(escaped))"
        }
        var hex = "<FEFF"
        for unit in text.utf16 { hex += String(format: "%04X", unit) }
        return hex + ">"
    }
}
