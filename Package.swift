// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sskiosk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sskiosk", targets: ["SSKioskCLI"]),
        .library(name: "SmartCard", targets: ["SmartCard"]),
        .library(name: "CardSimulator", targets: ["CardSimulator"]),
        .library(name: "CardCrypto", targets: ["CardCrypto"]),
        .library(name: "SocialSecurityCard", targets: ["SocialSecurityCard"]),
        .library(name: "Documents", targets: ["Documents"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries, one thin system-library target each.
        .systemLibrary(
            name: "CPCSCLite",
            pkgConfig: "libpcsclite",
            providers: [.apt(["libpcsclite-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),

        // PC/SC: contexts, readers, monitor, card sessions, APDUs, ATRs. No social-security knowledge.
        .target(
            name: "SmartCard",
            dependencies: [
                "CPCSCLite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The card's cryptography (3DES, SM4, MACs, session keys, diversification) over libcrypto.
        .target(name: "CardCrypto", dependencies: ["CCrypto"]),
        // The social security card: profile, codecs, reading, PIN, keys, secure messaging, personalisation.
        .target(name: "SocialSecurityCard", dependencies: ["SmartCard", "CardCrypto"]),
        // Certificates, statements, receipts, card faces and ledgers as PDF, with signed QR verification.
        .target(
            name: "Documents",
            dependencies: [
                "CCairo",
                "CPango",
                "CQRencode",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Virtual cards behind vpcd's reader slots.
        .target(
            name: "CardSimulator",
            dependencies: [
                "SmartCard",
                "SocialSecurityCard",
                "CardCrypto",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "SSKioskCLI",
            dependencies: [
                "SmartCard",
                "SocialSecurityCard",
                "CardCrypto",
                "CardSimulator",
                "Documents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "APDURoundTripBenchmark",
            dependencies: ["SmartCard"],
            path: "Benchmarks/APDURoundTrip/Swift"
        ),

        .testTarget(name: "SmartCardTests", dependencies: ["SmartCard", "CardSimulator"]),
        .testTarget(name: "CardCryptoTests", dependencies: ["CardCrypto"]),
        .testTarget(name: "SocialSecurityCardTests", dependencies: ["SocialSecurityCard", "CardSimulator", "CardCrypto", "SmartCard"]),
        .testTarget(
            name: "DocumentsTests",
            dependencies: ["Documents", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(name: "RigTests", dependencies: ["SmartCard", "CardSimulator"]),
    ],
    swiftLanguageModes: [.v6]
)
