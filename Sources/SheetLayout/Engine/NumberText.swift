/// Numbers as a sheet prints them.
public enum NumberText {
    /// `1,200`; from ten million on, `12.5M`.
    public static func count(_ value: Int) -> String {
        if value >= 10_000_000 {
            let millions = Double(value) / 1_000_000
            return decimal(millions, places: 1) + "M"
        }
        return grouped(value)
    }

    /// `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// At most `places` decimals, trailing zeros dropped: `0.5`, `6.75`, `2`.
    public static func decimal(_ value: Double, places: Int) -> String {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let rounded = (value * factor).rounded() / factor
        if rounded == rounded.rounded() { return grouped(Int(rounded)) }
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text[text.index(after: dot)...]
            if decimals.count > places { text = String(text[..<text.index(dot, offsetBy: places + 1)]) }
        }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `62%`, `52.5%`.
    public static func percent(_ value: Double) -> String { decimal(value, places: 1) + "%" }
}
