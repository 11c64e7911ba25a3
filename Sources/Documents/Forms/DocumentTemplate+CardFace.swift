extension DocumentTemplate {
    /// A card face in the manner of the national third-generation design: title band, chip, photo on
    /// the right, four fields. Everything but the data is marked preprinted. Regions replace it
    /// with their own JSON layout.
    public static var nationalCardFace: DocumentTemplate {
        let navy = Color(hex: 0x1F4E79)
        let label = TextStyle(font: TextStyle.sans, size: 5.5, color: navy)
        let value = TextStyle(font: TextStyle.sans, size: 8, bold: true)
        let rows: [(label: String, value: String, style: TextStyle)] = [
            ("姓名", "{card.name}", value.with(size: 9)),
            ("社会保障号码", "{card.number}", value),
            ("社会保障卡号", "{card.cardNumber}", value),
            ("发卡日期", "{card.issueDate}", value),
        ]
        var fixed: [FixedElement] = [
            .box(
                FixedElement.Box(
                    frame: Frame(x: 0, y: 0, width: 85.6, height: 53.98), fill: Color(hex: 0xEAF2FA),
                    cornerRadius: 3.18, preprinted: true)),
            // The title band: rounded at the card's top corners, square where it meets the body.
            .box(
                FixedElement.Box(
                    frame: Frame(x: 0, y: 0, width: 85.6, height: 10), fill: navy, cornerRadius: 3.18,
                    preprinted: true)),
            .box(FixedElement.Box(frame: Frame(x: 0, y: 5, width: 85.6, height: 5), fill: navy, preprinted: true)),
            .text(
                FixedElement.Text(
                    frame: Frame(x: 4, y: 2.2, width: 77.6, height: 6), text: "中华人民共和国社会保障卡",
                    style: TextStyle(
                        font: TextStyle.sans, size: 10.5, bold: true, alignment: .center, color: .white,
                        letterSpacing: 1.5), preprinted: true)),
            .box(
                FixedElement.Box(
                    frame: Frame(x: 7, y: 14, width: 11.5, height: 9), stroke: Color(hex: 0x9C7A2B),
                    fill: Color(hex: 0xD8B45A), cornerRadius: 1.5, preprinted: true)),
            .image(
                FixedElement.Image(
                    frame: Frame(x: 62.5, y: 14, width: 19.5, height: 24), source: "card.photo",
                    placeholder: "照片",
                    placeholderStyle: TextStyle(font: TextStyle.sans, size: 7, color: Color(hex: 0x8C8C8C)))),
            .text(
                FixedElement.Text(
                    frame: Frame(x: 4, y: 48.5, width: 77.6, height: 4), text: "{card.region}",
                    style: TextStyle(font: TextStyle.sans, size: 6, alignment: .center, color: navy), preprinted: true)),
        ]
        for (index, row) in rows.enumerated() {
            let y = 25.5 + Double(index) * 5.5
            fixed.append(
                .text(
                    FixedElement.Text(
                        frame: Frame(x: 7, y: y, width: 16, height: 5.4), text: row.label,
                        style: label, verticalAlignment: .center, preprinted: true)))
            fixed.append(
                .text(
                    FixedElement.Text(
                        frame: Frame(x: 23.5, y: y, width: 37.5, height: 5.4), text: row.value,
                        style: row.style, minimumSize: 5, maximumLines: index == 0 ? 2 : 1, verticalAlignment: .center))
            )
        }
        return DocumentTemplate(title: "社会保障卡卡面 {card.cardNumber}", language: .chinese, page: .id1Card, fixed: fixed)
    }
}
