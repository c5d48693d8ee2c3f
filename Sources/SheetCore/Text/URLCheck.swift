import Foundation

/// The URL and e-mail checks of the format, and the one function that makes a link target of
/// a URL: every link a sheet carries (website, contact page, e-mail, rich-text links, the
/// template's own) is made by `webLink` or `mailtoLink` and checked once more by `linkTarget`
/// where it is painted.
///
/// A link target is normalised and percent-encoded so that it is plain ASCII drawn from
/// `linkAlphabet`: cairo 1.16 writes a link's URI into the PDF as `/URI (…)` without escaping
/// it (cairo-pdf-interchange.c, `cairo_pdf_interchange_write_link_action`), so a `(` or `)`
/// left in it would end the PDF string early or leave it unbalanced, and the rest of the URL
/// would be read as PDF syntax — `https://example.org/x)/S/JavaScript/JS(app.alert(1)` made a
/// JavaScript action, a lone `(` a corrupt file. Only `http`, `https` and `mailto` come out,
/// and the one relative link the tool makes itself, to a sheet's file beside the PDF.
public enum URLCheck {
    /// The longest link target, in bytes once percent-encoded. A PDF string can be far longer
    /// (Acrobat's documented limit is 32 767 bytes), but no home page needs more, and an
    /// address of 2 000 characters made of combining marks would otherwise reach megabytes.
    public static let maximumLinkBytes = 8192

    /// An absolute `http` or `https` URL that can be made a link: `webLink` succeeds.
    public static func isWebURL(_ text: String) -> Bool {
        if case .success = webLink(text) { return true }
        return false
    }

    /// `text` as the target of a link: an absolute `http` or `https` URL with a host, no user
    /// or password, its scheme and host lowercased, an international host in its IDNA (`xn--`)
    /// form, and every byte outside `linkAlphabet` percent-encoded (`%XX` escapes already in it
    /// are kept; a `%` that starts no escape becomes `%25`).
    ///
    /// Parsing, IDNA and the percent-encoding of the host are Foundation's `URLComponents`.
    /// Path, query and fragment are encoded here first (`encodedAfterAuthority`): finding a
    /// character it must encode in a part, URLComponents encodes every `%` of that part as
    /// well, so `café%20menu` would link to `caf%C3%A9%2520menu`. And it leaves `(`, `)` and
    /// the other sub-delimiters as they are, since they are legal in a URI.
    public static func webLink(_ text: String) -> Result<String, URLProblem> {
        if text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) { return .failure(.whitespace) }
        if let invisible = text.unicodeScalars.first(where: isInvisible) { return .failure(.invisible(invisible)) }
        guard let components = URLComponents(string: encodedAfterAuthority(text)), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https"
        else { return .failure(.notWeb) }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else { return .failure(.credentials) }
        guard let host = components.encodedHost?.lowercased(), isHost(host, allowingAddresses: true) else { return .failure(.host) }
        if let port = components.port, !(1...65535).contains(port) { return .failure(.port) }
        var link = scheme + "://" + host
        if let port = components.port { link += ":\(port)" }
        link += components.percentEncodedPath
        if let query = components.percentEncodedQuery { link += "?" + query }
        if let fragment = components.percentEncodedFragment { link += "#" + fragment }
        return checkedLength(percentEncoded(link, keeping: linkAlphabet))
    }

    /// `text` with what follows its authority (from the first `/`, `?` or `#` after `://`)
    /// percent-encoded to `linkAlphabet`; unchanged when it has no `://`.
    static func encodedAfterAuthority(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"),
              let split = text[schemeEnd.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" })
        else { return text }
        return String(text[..<split]) + percentEncoded(String(text[split...]), keeping: linkAlphabet)
    }

    /// `mailto:` and `address` (a plausible address) as a link target: the local part
    /// percent-encoded down to RFC 3986's unreserved characters and a few of RFC 6068's
    /// (`!$'*+`), so that `?`, `&`, `=`, `%` and `#` in it cannot add headers (`?cc=`) or
    /// end the address; the domain in its IDNA form, lowercased.
    public static func mailtoLink(_ address: String) -> Result<String, URLProblem> {
        guard let at = address.lastIndex(of: "@") else { return .failure(.host) }
        if let invisible = address.unicodeScalars.first(where: isInvisible) { return .failure(.invisible(invisible)) }
        let local = String(address[..<at])
        var components = URLComponents()
        components.host = String(address[address.index(after: at)...])
        guard !local.isEmpty, let domain = components.encodedHost?.lowercased(), isHost(domain, allowingAddresses: false) else {
            return .failure(.host)
        }
        return checkedLength("mailto:" + percentEncoded(local, keeping: mailboxAlphabet) + "@" + domain)
    }

    /// `uri` if it may be written into a PDF as a link: an `http`/`https` URL as `webLink`
    /// makes it (normalised again; already normalised ones come out unchanged), or a `mailto:`
    /// link as `mailtoLink` makes it, or a sheet's file beside the PDF as `sheetFileLink`
    /// makes it. Anything else is nil: the painter then writes no link.
    public static func linkTarget(_ uri: String) -> String? {
        let lowered = uri.prefix(8).lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return try? webLink(uri).get()
        }
        if isSheetFileLink(uri) { return uri }
        guard lowered.hasPrefix("mailto:"), uri.utf8.count <= maximumLinkBytes else { return nil }
        let address = uri.utf8.dropFirst(7)
        let parts = address.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, isPercentEncoded(parts[0], keeping: mailboxAlphabet),
              case let domain = String(decoding: parts[1], as: UTF8.self), isHost(domain, allowingAddresses: false),
              domain == domain.lowercased()
        else { return nil }
        return "mailto:" + String(decoding: address, as: UTF8.self)
    }

    /// The relative link from a PDF in the output folder to the sheet of profile `id` beside
    /// it (`us-rse.pdf`): the overview's names link to their sheets so, and `collection.pdf`
    /// turns those links into links to the sheets' pages in it (`PDFCollectionWriter`). Nil
    /// for an id that is not a slug (`ScalarRules.isSlug`, as every profile's id is), so the
    /// target is always plain ASCII letters, digits, hyphens and a dot.
    public static func sheetFileLink(_ id: String) -> String? {
        ScalarRules.isSlug(id) ? id + ".pdf" : nil
    }

    /// Whether `uri` is a link `sheetFileLink` makes.
    public static func isSheetFileLink(_ uri: String) -> Bool {
        uri.hasSuffix(".pdf") && ScalarRules.isSlug(String(uri.dropLast(4)))
    }

    /// Whether `text` starts with a URL scheme (`ftp:`, `mailto:`, `javascript:`).
    public static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCIILetter else { return false }
        return text[..<colon].allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "+-.".contains($0) }
    }

    /// A plausible address: one `@`, a non-empty local part, a domain with a dot and no empty
    /// labels, no spaces, and one that `mailtoLink` can make a link of (so a domain is letters,
    /// digits and hyphens, in any script).
    public static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "<>()[],;:\\\"".unicodeScalars.contains($0) }) else {
            return false
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              labels.last.map({ $0.count >= 2 }) ?? false
        else { return false }
        if case .success = mailtoLink(text) { return true }
        return false
    }

    // MARK: - The alphabets

    /// The bytes a link target may hold unencoded: RFC 3986's unreserved and reserved
    /// characters and `%`, less `(` and `)`, which end or open a PDF literal string. (`\`,
    /// the PDF string escape, is not a URI character at all; `'`, which cairo's attribute
    /// syntax quotes with, is escaped there by `CairoTagText.quoted`.)
    static let linkAlphabet = byteSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'*+,;=%")

    /// The bytes the local part of a `mailto:` address keeps unencoded (see `mailtoLink`).
    static let mailboxAlphabet = byteSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$'*+")

    private static func byteSet(_ characters: String) -> [Bool] {
        var set = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { set[Int(byte)] = true }
        return set
    }

    /// `text` with every byte outside `alphabet` as `%XX`; a `%` that does not start a `%XX`
    /// escape is encoded too when `alphabet` keeps `%`.
    static func percentEncoded(_ text: String, keeping alphabet: [Bool]) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            let isEscape = byte == UInt8(ascii: "%") && index + 2 < bytes.count && isHexDigit(bytes[index + 1]) && isHexDigit(bytes[index + 2])
            if alphabet[Int(byte)] && (byte != UInt8(ascii: "%") || isEscape) {
                out.append(byte)
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `bytes` is already as `percentEncoded(_:keeping:)` leaves it: only bytes of
    /// `alphabet` and `%XX` escapes.
    static func isPercentEncoded(_ bytes: some Collection<UInt8>, keeping alphabet: [Bool]) -> Bool {
        let bytes = Array(bytes)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard alphabet[Int(bytes[index])] else { return false }
            index += 1
        }
        return true
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func checkedLength(_ link: String) -> Result<String, URLProblem> {
        let bytes = link.utf8.count
        return bytes > maximumLinkBytes ? .failure(.tooLong(bytes: bytes)) : .success(link)
    }

    // MARK: - Hosts

    /// A host as `URLComponents.encodedHost` gives it, lowercased: dot-separated labels of
    /// ASCII letters, digits, `-` and `_` (IDNA has turned other scripts into `xn--` labels)
    /// of at most 63 bytes, 253 in all, a trailing dot allowed, with a dot somewhere or
    /// `localhost`; with `allowingAddresses`, also a bracketed IPv6 address (no zone).
    /// A host still holding `%` or anything else IDNA left is refused.
    static func isHost(_ host: String, allowingAddresses: Bool) -> Bool {
        if allowingAddresses, host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 {
            return host.dropFirst().dropLast().unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }
        }
        let trimmed = host.hasSuffix(".") ? String(host.dropLast()) : host
        guard !trimmed.isEmpty, trimmed.utf8.count <= 253, trimmed.contains(".") || trimmed == "localhost" else { return false }
        return trimmed.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        }
    }

    /// Format characters (bidirectional overrides, zero-width joiners and spaces) and spaces
    /// and separators beyond ASCII's, which change what an address looks like without being
    /// seen.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: scalar.value > 0x7F
        default: false
        }
    }
}
