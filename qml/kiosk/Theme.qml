pragma Singleton
import QtQuick
import Festival.Kiosk

// Colours and sizes of the kiosk. Text colours keep at least 4.5:1 against the
// surfaces they sit on (WCAG AA); touch targets are never below 48 px. A visitor can
// ask for larger text (everything about a third larger) and for high contrast (white on
// black, yellow accent, every surface outlined: 21:1), from any page (ReadingButton).
QtObject {
    readonly property bool contrast: Kiosk.highContrast
    readonly property real scale: Kiosk.largeText ? 1.3 : 1

    readonly property color background: contrast ? "#000000" : "#0E1116"
    readonly property color surface: contrast ? "#000000" : "#19202A"
    readonly property color surfaceHigh: contrast ? "#1F1F1F" : "#26303D"
    readonly property color outline: contrast ? "#FFFFFF" : "#3A4656"
    readonly property color text: contrast ? "#FFFFFF" : "#F4F6F8"          // 21:1 / 17:1 on background
    readonly property color textMuted: contrast ? "#FFFFFF" : "#B7C1CE"     // 10:1 on background, 8.9:1 on surface
    readonly property color accent: contrast ? "#FFE500" : "#F5B83D"        // 10:1 on background
    readonly property color textOnAccent: "#10141A"                         // 10:1 on accent
    readonly property color good: contrast ? "#7CFF9A" : "#7DD897"
    readonly property color warn: contrast ? "#FFD060" : "#FFB547"
    readonly property color bad: contrast ? "#FF9D94" : "#FF8F85"           // 7.6:1 on background
    readonly property color offline: contrast ? "#D0D0D0" : "#8E99A8"

    readonly property int touch: Math.round(72 * scale)   // default height of anything tappable
    readonly property int minTouch: 48
    readonly property int radius: 16
    readonly property int gap: 24
    readonly property int huge: Math.round(64 * scale)
    readonly property int title: Math.round(44 * scale)
    readonly property int heading: Math.round(32 * scale)
    readonly property int body: Math.round(26 * scale)
    readonly property int small: Math.round(22 * scale)
}
