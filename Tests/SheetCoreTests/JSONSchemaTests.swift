import Foundation
import Testing
@testable import SheetCore

/// The JSON Schema is made from the loader's own key lists and limits; its regular
/// expressions are held against the loader's checks here, so that the two cannot drift.
@Suite("JSON Schema from the loader's rules")
struct JSONSchemaTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func slugsAgree() throws {
        for text in ["us-rse", "a1", "x", "abc-def-9", "-a", "a-", "a--b", "A-b", "a_b", "é", "a b", "", "0-0"] {
            #expect(try matches(ProfileSchema.slugPattern, text) == ScalarRules.isSlug(text), "\(text)")
        }
    }

    @Test func languageTagsAgree() throws {
        for text in ["en", "pt-BR", "zh-Hant-TW", "sr-Latn", "es-419", "de-CH-1996", "sl-rozaj", "e", "english", "en_US", "en-", "en-US-x",
                     "yue", "ja-JP-u", "en-1234", "en-a234", "abcd"] {
            #expect(try matches(ProfileSchema.languageTagPattern, text) == ScalarRules.isLanguageTag(text), "\(text)")
        }
    }

    /// The schema may let through what the loader refuses, never the other way round.
    @Test func everyAddressTheLoaderTakesMatches() throws {
        for text in ["a@b.org", "first.last+tag@sub.example.co.uk", "x@y-z.io", "o'neil@example.ie", "名前@例え.jp"] {
            #expect(URLCheck.isPlausibleEmail(text), "\(text)")
            #expect(try matches(ProfileSchema.emailPattern, text), "\(text)")
        }
        for text in ["a@b", "@b.org", "a@@b.org", "a b@c.org", "a@-b.org", "a@b.c", "a@b..org"] {
            #expect(!URLCheck.isPlausibleEmail(text), "\(text)")
            #expect(try !matches(ProfileSchema.emailPattern, text), "\(text)")
        }
        for text in ["https://example.org", "http://x.y/z", "HTTPS://EXAMPLE.ORG"] where URLCheck.isWebURL(text) {
            #expect(try matches(ProfileSchema.webURLPattern, text), "\(text)")
        }
        for text in ["CC-BY-4.0", "LicenseRef-proprietary", "GPL-3.0-or-later", "Apache-2.0+"] {
            #expect(SPDXLicenses.isWellFormed(text))
            #expect(try matches(ProfileSchema.spdxPattern, text), "\(text)")
        }
    }

    @Test func everyKeyAndLimitComesFromTheLoader() throws {
        let schema = ProfileSchema.jsonSchemaObject()
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ProfileSchema.rootKeys))
        #expect(schema["required"] as? [String] == ProfileSchema.requiredKeys)
        #expect(schema["additionalProperties"] as? Bool == false)
        let nested: [(String, [String])] = [
            ("structure", ProfileSchema.structureKeys), ("staffing", ProfileSchema.staffingKeys), ("members", ProfileSchema.membersKeys),
            ("programming", ProfileSchema.programmingKeys), ("highlights", ProfileSchema.highlightsKeys), ("contact", ProfileSchema.contactKeys),
        ]
        for (key, keys) in nested {
            let object = try #require(properties[key] as? [String: Any])
            #expect(Set((object["properties"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(keys), "\(key)")
            #expect(object["additionalProperties"] as? Bool == false, "\(key)")
        }
        let type = try #require(properties["type"] as? [String: Any])
        #expect(type["enum"] as? [String] == CommunityType.allCases.map(\.rawValue))
        let tools = try #require(properties["tools"] as? [String: Any])
        #expect(tools["maxItems"] as? Int == ProfileSchema.toolsCount.upperBound)
        let funding = try #require(properties["funding"] as? [String: Any])
        #expect(Set((funding["properties"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(ProfileSchema.fundingCategories))
        #expect(funding["maxProperties"] as? Int == ProfileSchema.breakdownCategories.upperBound)
        // Every field says what it is.
        for (key, value) in properties {
            #expect(((value as? [String: Any])?["description"] as? String)?.isEmpty == false, "\(key)")
        }
        // Written the same way every time.
        #expect(ProfileSchema.jsonSchema() == ProfileSchema.jsonSchema())
        #expect(ProfileSchema.jsonSchema().hasPrefix("{\n"))
    }
}
