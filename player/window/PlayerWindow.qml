import QtQuick
import QtQuick.Window
import org.freedesktop.gstreamer.Qt6GLVideoItem
import Festival.Player
import Festival.Ceremony

// The screen: video, and between items a slate with the next film in English and
// Traditional Chinese and a countdown; black when nothing is scheduled or on blackout.
Window {
    id: root
    width: 1280
    height: 720
    visible: true
    color: "black"
    title: qsTr("Festival player %1").arg(PlayerView.screen)

    // The picture area: the whole output, or with [video] masking the centred rectangle of
    // that aspect ratio (a scope screen's masking on a 16:9 projector): films, subtitles and
    // the slate stay inside it, the rest is black.
    Item {
        id: picture
        objectName: "pictureArea"
        readonly property real aspect: PlayerView.pictureAspect
        anchors.centerIn: parent
        width: aspect > 0 ? Math.min(parent.width, parent.height * aspect) : parent.width
        height: aspect > 0 ? Math.min(parent.height, parent.width / aspect) : parent.height
        clip: true

        GstGLQt6VideoItem {
            id: video0
            objectName: "video0"
            anchors.fill: parent
            visible: PlayerView.videoVisible && PlayerView.activeVideo === 0
        }
        GstGLQt6VideoItem {
            id: video1
            objectName: "video1"
            anchors.fill: parent
            visible: PlayerView.videoVisible && PlayerView.activeVideo === 1
        }

        SubtitleLines {
            anchors.fill: parent
            visible: PlayerView.videoVisible
        }

        Rectangle {
            id: slate
            anchors.fill: parent
            color: "#101418"
            visible: !PlayerView.videoVisible && PlayerView.nextTitleEn !== ""

            Column {
                anchors.centerIn: parent
                spacing: picture.height * 0.03
                width: parent.width * 0.8

                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    color: "#a0a8b0"
                    font.pixelSize: picture.height * 0.04
                    text: qsTr("Next") + "  ·  下一節"
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: "white"
                    font.pixelSize: picture.height * 0.08
                    text: PlayerView.nextTitleEn
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: "white"
                    font.family: "Noto Sans CJK TC"
                    font.pixelSize: picture.height * 0.07
                    text: PlayerView.nextTitleZh
                    visible: text !== PlayerView.nextTitleEn
                }
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    color: "#f0c040"
                    font.pixelSize: picture.height * 0.1
                    font.family: "monospace"
                    visible: PlayerView.countdownSeconds >= 0
                    text: {
                        const s = PlayerView.countdownSeconds
                        const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60
                        return (h > 0 ? h + ":" : "") + String(m).padStart(2, "0") + ":" + String(sec).padStart(2, "0")
                    }
                }
            }
        }

        Text {
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottomMargin: picture.height * 0.05
            width: parent.width * 0.9
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "#ff8080"
            font.pixelSize: picture.height * 0.03
            visible: PlayerView.errorText !== "" && !PlayerView.blackout
            text: PlayerView.errorText
        }
    }

    // The award ceremony takes the screen while it is active (player/ceremony).
    CeremonyOverlay {
        anchors.fill: parent
    }

    Rectangle {
        anchors.fill: parent
        color: "black"
        visible: PlayerView.blackout
    }

    // No pointer on the audience's screen (an X session would show its cross in the middle).
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.NoButton
        cursorShape: Qt.BlankCursor
    }
}
