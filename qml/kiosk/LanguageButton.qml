import QtQuick
import Festival.Kiosk

// Always shows the other language, written in that language, so a visitor who cannot
// read the current one still finds it.
KioskButton {
    text: Kiosk.language === "zh_HK" ? "English" : "繁體中文"
    Accessible.name: Kiosk.language === "zh_HK" ? "Switch to English" : "切換至繁體中文"
    onClicked: Kiosk.toggleLanguage()
}
