import CPNG

extension png_image {
    /// libpng's message after a failed call of the simplified API (it says what is wrong and,
    /// for image data, in which chunk); `fallback` when libpng left none.
    func messageText(or fallback: String) -> String {
        let text = withUnsafeBytes(of: message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? fallback : text
    }
}
