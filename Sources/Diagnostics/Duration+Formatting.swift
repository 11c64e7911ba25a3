import Foundation

extension Duration {
    /// `1.5 s`, `0.25 s`: seconds with at most three decimals.
    var formattedSeconds: String { "\((milliseconds / 1000).formatted(maximumFractionDigits: 3)) s" }

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
