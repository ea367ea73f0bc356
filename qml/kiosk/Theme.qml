pragma Singleton
import QtQuick

// Colours and sizes of the kiosk. Text colours keep at least 4.5:1 against the
// surfaces they sit on (WCAG AA); touch targets are never below 48 px.
QtObject {
    readonly property color background: "#0E1116"
    readonly property color surface: "#19202A"
    readonly property color surfaceHigh: "#26303D"
    readonly property color outline: "#3A4656"
    readonly property color text: "#F4F6F8"          // 17:1 on background
    readonly property color textMuted: "#B7C1CE"     // 10:1 on background, 8.9:1 on surface
    readonly property color accent: "#F5B83D"        // 10:1 on background
    readonly property color textOnAccent: "#10141A"      // 10:1 on accent
    readonly property color good: "#7DD897"
    readonly property color warn: "#FFB547"
    readonly property color bad: "#FF8F85"           // 7.6:1 on background
    readonly property color offline: "#8E99A8"

    readonly property int touch: 72                  // default height of anything tappable
    readonly property int minTouch: 48
    readonly property int radius: 16
    readonly property int gap: 24
    readonly property int huge: 64
    readonly property int title: 44
    readonly property int heading: 32
    readonly property int body: 26
    readonly property int small: 22
}
