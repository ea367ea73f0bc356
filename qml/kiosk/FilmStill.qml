import QtQuick
import Festival.Kiosk

// A still from a film (docs/kiosk.md, "Stills"): 16:9 at the width it is given, filled and
// rounded like the other surfaces. A film without a still shows nothing and takes no room.
Item {
    id: root
    property string filmId: ""
    property string title: ""
    property int radius: Theme.radius
    // The still's sha256, re-read when the cache or the programme changes.
    readonly property string still: Kiosk.stills.revision >= 0 ? Kiosk.stills.stillOf(filmId) : ""
    readonly property bool hasStill: still.length > 0 && picture.status !== Image.Error

    visible: hasStill
    implicitWidth: 320
    implicitHeight: Math.round(width * 9 / 16)

    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Still from %1").arg(root.title)
    Accessible.ignored: !hasStill

    Image {
        id: picture
        anchors.fill: parent
        source: root.still.length > 0 ? "image://still/" + root.still + "/" + root.radius : ""
        sourceSize: Qt.size(Math.max(1, Math.round(root.width)), Math.max(1, Math.round(root.height)))
        fillMode: Image.Stretch   // the provider cuts it to exactly this size
        cache: false
    }
}
