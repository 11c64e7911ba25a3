/// Places strips down pages, starting a new page when the next strip does not fit.
struct Paginator {
    private let top: Double
    private let bottom: Double
    private(set) var pages: [[PageItem]] = [[]]
    /// Where the next strip goes.
    private(set) var y: Double

    /// Body space runs from `top` to `bottom` points on every page; `bottom` is infinite on a roll.
    init(top: Double, bottom: Double) {
        self.top = top
        self.bottom = bottom
        y = top
    }

    mutating func place(_ strips: [Strip]) throws {
        for index in strips.indices {
            let strip = strips[index]
            if y + heightKeptWith(index, in: strips) > bottom, y > top {
                pages.append([])
                y = top
                for header in strip.repeatedHeader { put(header) }
            }
            guard y + strip.height <= bottom else { throw DocumentError.blockTooTall(strip.what) }
            put(strip)
        }
    }

    /// The height of the strip and of the strips it keeps with, followed along a chain of
    /// keep-with-next strips (a totals row, a note, a signature), no taller than a page.
    private func heightKeptWith(_ index: Int, in strips: [Strip]) -> Double {
        var height = strips[index].height
        var next = index
        while strips[next].keepWithNext, next + 1 < strips.count, height + strips[next + 1].height <= bottom - top {
            next += 1
            height += strips[next].height
        }
        return height
    }

    private mutating func put(_ strip: Strip) {
        pages[pages.count - 1] += strip.items.map { $0.offsetBy(dy: y) }
        y += strip.height
    }
}
