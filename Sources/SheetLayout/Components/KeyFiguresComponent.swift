import Foundation
import SheetCore

/// A row of tiles with the community's key figures. Tiles without data are left out and the
/// others share the row.
struct KeyFiguresComponent: SheetComponent {
    var spec: ComponentSpec

    struct Tile {
        var value: String
        var label: String
        var detail: String?
        var field: String
    }

    /// Whether the profile has any of the figures a tile shows.
    static func hasTiles(for profile: Profile) -> Bool {
        profile.members.count != nil || profile.members.active != nil || profile.staffing.paidFTE != nil
            || profile.staffing.communityManagers != nil || profile.staffing.volunteers != nil
    }

    static func tiles(for profile: Profile, strings: SheetStrings, numbers: NumberText) -> [Tile] {
        var tiles: [Tile] = []
        let members = profile.members
        if let count = members.count {
            var detail: String?
            // The active share of no members means nothing: no detail then.
            if let active = members.active, count > 0 {
                detail = strings.text("figures.active-detail", count: active, ["share": numbers.percent(Double(active) * 100 / Double(count))])
            }
            tiles.append(Tile(value: numbers.count(count), label: strings.text("figures.members", count: count), detail: detail, field: "members.count"))
        } else if let active = members.active {
            tiles.append(Tile(value: numbers.count(active), label: strings.text("figures.active-members", count: active), detail: nil, field: "members.active"))
        }
        if let fte = profile.staffing.paidFTE {
            tiles.append(Tile(value: numbers.decimal(fte, places: 2), label: strings.text("figures.paid-staff"), detail: nil, field: "staffing.paid_fte"))
        }
        if let managers = profile.staffing.communityManagers {
            tiles.append(Tile(value: numbers.count(managers), label: strings.text("figures.community-managers", count: managers), detail: nil, field: "staffing.community_managers"))
        }
        if let volunteers = profile.staffing.volunteers {
            tiles.append(Tile(value: numbers.count(volunteers), label: strings.text("figures.volunteers", count: volunteers), detail: nil, field: "staffing.volunteers"))
        }
        return tiles
    }

    func layout(_ context: LayoutContext, width: Double) -> Frame? {
        let tiles = Self.tiles(for: context.profile, strings: context.strings, numbers: context.numbers)
        guard !tiles.isEmpty else { return nil }
        let gap = context.template.grid.gutter
        let tileWidth = (width - gap * Double(tiles.count - 1)) / Double(tiles.count)
        let padding = context.space(9)
        var frames: [Frame] = []
        for tile in tiles {
            var builder = FrameBuilder(width: tileWidth)
            builder.cursor = padding
            let inner = tileWidth - 2 * padding
            builder.stack(context.text(tile.value, style: "figure", width: inner, field: tile.field, profileLanguage: false), role: .tableDataCell, x: padding)
            builder.stack(context.text(tile.label, style: "figure-label", width: inner, field: tile.field, profileLanguage: false), role: .tableHeaderCell, x: padding)
            if let detail = tile.detail {
                builder.stack(context.text(detail, style: "figure-detail", width: inner, field: tile.field, profileLanguage: false), role: .tableDataCell, x: padding)
            }
            builder.cursor += padding
            frames.append(builder.frame(role: .tableRow))
        }
        let height = frames.map(\.size.height).max() ?? 0
        var row = FrameBuilder(width: width)
        for (index, var frame) in frames.enumerated() {
            frame.size.height = height
            let x = Double(index) * (tileWidth + gap)
            frame.items.insert(.group(FrameBuilder.decoration(Shape(
                .rectangle(Rect(x: 0, y: 0, width: tileWidth, height: height), cornerRadius: context.space(5)),
                fill: context.color("tile")))), at: 0)
            frame.items.insert(.group(FrameBuilder.decoration(Shape(
                .rectangle(Rect(x: 0, y: 0, width: context.space(3), height: height), cornerRadius: 0),
                fill: context.color("accent")))), at: 1)
            frame.origin = Point(x: x, y: 0)
            row.add(frame)
        }
        row.cursor = height
        return SectionHeading.wrap(spec.heading, content: row.frame(role: .table), context: context, section: .init(kind: .keyFigures))
    }
}
