/// The card photo standard the desk checks before a photo is kept (社会保障卡照片): 358 × 441
/// pixels (26 × 32 mm at 350 dpi, as photo studios make it), a plain light background, the head
/// near the top and in the middle. The face itself is not judged: a clerk sees the photo.
public enum CardPhotoStandard {
    public static let width = 358
    public static let height = 441
    /// The largest file kept: a studio's card photo is some tens of kilobytes.
    public static let maximumBytes = 200_000

    /// The ways `image` breaks the standard, in Chinese; empty when it meets it.
    public static func problems(of image: GrayImage) -> [String] {
        guard image.width == width, image.height == height else {
            return ["照片应为 \(width)×\(height) 像素，这张为 \(image.width)×\(image.height) 像素"]
        }
        var problems: [String] = []
        let background = Self.background(of: image)
        if background.mean < 190 || background.spread > 14 {
            problems.append("背景应为纯色浅色（白色或浅蓝），这张的背景偏暗或不均匀")
            return problems
        }
        let subject = { (x: Int, y: Int) in abs(Int(image[x, y]) - background.mean) > 40 }
        // The head's top: the first row with the subject in the middle third.
        let middle = (width / 3)..<(2 * width / 3)
        guard let top = (0..<height).first(where: { y in middle.contains { subject($0, y) } }) else {
            return ["照片中没有人像"]
        }
        if !(headTop).contains(top) {
            problems.append(
                top < headTop.lowerBound
                    ? "头顶离照片上边太近，应留出 \(headTop.lowerBound)～\(headTop.upperBound) 像素"
                    : "头顶离照片上边太远，人像应靠上")
        }
        // The face's width and centre at a third of the way down the head.
        let row = min(height - 1, top + height / 6)
        if let left = (0..<width).first(where: { subject($0, row) }),
            let right = (0..<width).last(where: { subject($0, row) })
        {
            let faceWidth = right - left + 1
            if !faceWidths.contains(faceWidth) {
                problems.append(faceWidth < faceWidths.lowerBound ? "人像太小，应占照片宽度一半以上" : "人像太大，两侧应留有背景")
            }
            if abs((left + right) / 2 - width / 2) > width / 12 { problems.append("人像应居中") }
        }
        return problems
    }

    /// Rows the head's top may start at: a little background above it, not half the photo.
    static let headTop = 7...45
    /// The head's width in pixels a third of the way down it.
    static let faceWidths = 150...280

    /// The top corners' luminance: mean and spread (standard deviation), which a plain background keeps low.
    static func background(of image: GrayImage) -> (mean: Int, spread: Int) {
        var values: [Int] = []
        let corner = image.width / 8
        for y in 0..<(image.height / 10) {
            for x in 0..<corner { values.append(Int(image[x, y])) }
            for x in (image.width - corner)..<image.width { values.append(Int(image[x, y])) }
        }
        let mean = values.reduce(0, +) / max(values.count, 1)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(values.count, 1)
        return (mean, Int(Double(variance).squareRoot()))
    }
}
