import Foundation

extension Duration {
    /// `1.5 s`, `0.25 s`: seconds with at most three decimals.
    var formattedSeconds: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        let rounded = (seconds * 1000).rounded() / 1000
        return "\(rounded.formatted(maximumFractionDigits: 3)) s"
    }

    /// Milliseconds as a `Double`, for latencies in details.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}

extension Double {
    /// A decimal without trailing zeros and with at most `maximumFractionDigits` digits after the point.
    func formatted(maximumFractionDigits: Int) -> String {
        var text = String(format: "%.\(maximumFractionDigits)f", self)
        while text.contains("."), text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }
}
