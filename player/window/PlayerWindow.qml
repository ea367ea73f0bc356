import QtQuick
import QtQuick.Window
import org.freedesktop.gstreamer.Qt6GLVideoItem
import Festival.Player
import Festival.Ceremony

// The screen: video, and whenever no film is on it a slate for the audience (the festival,
// the screen, what plays next and when, in English and Traditional Chinese); black on
// blackout and when the player has no playlist at all.
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

        // What the audience sees when no film is on screen: the festival and the screen,
        // then what plays next and when, or why nothing does; English with 繁中 beneath,
        // sized to be read from the back row. Never staff text: a failed film is the
        // "interrupted" slate, its error goes to the status (docs/player.md).
        Rectangle {
            id: slate
            objectName: "slate"
            anchors.fill: parent
            visible: !PlayerView.videoVisible && PlayerView.slate !== ""
            readonly property real unit: picture.height / 100
            readonly property string kind: PlayerView.slate
            gradient: Gradient {
                GradientStop { position: 0.0; color: "#141a24" }
                GradientStop { position: 1.0; color: "#07090d" }
            }

            // The festival on the left, the screen on the right: which room this is.
            Column {
                anchors.left: parent.left
                anchors.top: parent.top
                anchors.margins: slate.unit * 6
                width: parent.width * 0.5
                spacing: slate.unit * 0.6
                Text {
                    objectName: "slateFestivalEn"
                    width: parent.width
                    elide: Text.ElideRight
                    color: "#e8c060"
                    font.pixelSize: slate.unit * 3.6
                    font.bold: true
                    font.letterSpacing: slate.unit * 0.15
                    text: PlayerView.festivalNameEn
                }
                Text {
                    objectName: "slateFestivalZh"
                    width: parent.width
                    elide: Text.ElideRight
                    color: "#e8c060"
                    font.family: "Noto Sans CJK TC"
                    font.pixelSize: slate.unit * 3.4
                    visible: text !== "" && text !== PlayerView.festivalNameEn
                    text: PlayerView.festivalNameZh
                }
            }
            Column {
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: slate.unit * 6
                width: parent.width * 0.4
                spacing: slate.unit * 0.6
                Text {
                    objectName: "slateScreenEn"
                    width: parent.width
                    horizontalAlignment: Text.AlignRight
                    elide: Text.ElideLeft
                    color: "white"
                    font.pixelSize: slate.unit * 3.6
                    font.bold: true
                    text: PlayerView.screenNameEn
                }
                Text {
                    objectName: "slateScreenZh"
                    width: parent.width
                    horizontalAlignment: Text.AlignRight
                    elide: Text.ElideLeft
                    color: "white"
                    font.family: "Noto Sans CJK TC"
                    font.pixelSize: slate.unit * 3.4
                    visible: text !== "" && text !== PlayerView.screenNameEn
                    text: PlayerView.screenNameZh
                }
            }

            Column {
                anchors.centerIn: parent
                anchors.verticalCenterOffset: slate.unit * 4
                width: parent.width * 0.84
                spacing: slate.unit * 1.6

                Text {   // Next / the headline of the other slates
                    objectName: "slateHeadlineEn"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: slate.kind === "next" ? "#e8c060" : "white"
                    font.pixelSize: slate.unit * (slate.kind === "next" ? 4.6 : 7)
                    font.bold: slate.kind !== "next"
                    font.letterSpacing: slate.kind === "next" ? slate.unit * 0.3 : 0
                    text: slate.kind === "next" ? qsTr("NEXT")
                        : slate.kind === "interrupted" ? qsTr("The screening will continue shortly")
                        : qsTr("Thank you for coming")
                }
                Text {
                    objectName: "slateHeadlineZh"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: slate.kind === "next" ? "#e8c060" : "white"
                    font.family: "Noto Sans CJK TC"
                    font.pixelSize: slate.unit * (slate.kind === "next" ? 4.2 : 6.4)
                    text: slate.kind === "next" ? qsTr("下一場")
                        : slate.kind === "interrupted" ? qsTr("放映將於稍後繼續")
                        : qsTr("多謝光臨")
                }
                Item { width: 1; height: slate.unit * 2 }
                Text {
                    objectName: "slateNextTitleEn"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    color: "white"
                    font.pixelSize: slate.unit * 8
                    font.bold: true
                    visible: slate.kind === "next"
                    text: PlayerView.nextTitleEn
                }
                Text {
                    objectName: "slateNextTitleZh"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    color: "white"
                    font.family: "Noto Sans CJK TC"
                    font.pixelSize: slate.unit * 7
                    visible: slate.kind === "next" && text !== "" && text !== PlayerView.nextTitleEn
                    text: PlayerView.nextTitleZh
                }
                Text {   // when: today at, tomorrow at, or the day it is
                    objectName: "slateWhenEn"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: "#c8ced8"
                    font.pixelSize: slate.unit * 4.8
                    visible: text !== ""
                    text: slate.kind === "next" ? (PlayerView.nextDaysAway === 0 ? qsTr("Starts at %1").arg(PlayerView.nextStartsAt)
                              : PlayerView.nextDaysAway === 1 ? qsTr("Tomorrow at %1").arg(PlayerView.nextStartsAt)
                              : qsTr("%1 at %2").arg(PlayerView.nextDateEn, PlayerView.nextStartsAt))
                        : slate.kind === "dayEnded" ? (PlayerView.nextDaysAway === 1
                              ? qsTr("See you tomorrow at %1").arg(PlayerView.nextStartsAt)
                              : qsTr("See you on %1 at %2").arg(PlayerView.nextDateEn, PlayerView.nextStartsAt))
                        : slate.kind === "festivalEnded" ? qsTr("The festival has ended. See you next time!")
                        : ""
                }
                Text {
                    objectName: "slateWhenZh"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: "#c8ced8"
                    font.family: "Noto Sans CJK TC"
                    font.pixelSize: slate.unit * 4.6
                    visible: text !== ""
                    text: slate.kind === "next" ? (PlayerView.nextDaysAway === 0 ? qsTr("%1 開始").arg(PlayerView.nextStartsAt)
                              : PlayerView.nextDaysAway === 1 ? qsTr("明天 %1 開始").arg(PlayerView.nextStartsAt)
                              : qsTr("%1 %2 開始").arg(PlayerView.nextDateZh, PlayerView.nextStartsAt))
                        : slate.kind === "dayEnded" ? (PlayerView.nextDaysAway === 1
                              ? qsTr("明天 %1 再見").arg(PlayerView.nextStartsAt)
                              : qsTr("%1 %2 再見").arg(PlayerView.nextDateZh, PlayerView.nextStartsAt))
                        : slate.kind === "festivalEnded" ? qsTr("本屆電影節已圓滿結束，下次再見！")
                        : ""
                }
                Text {   // the last hour before it starts
                    objectName: "slateCountdown"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    color: "#e8c060"
                    font.pixelSize: slate.unit * 9
                    font.family: "monospace"
                    visible: slate.kind === "next" && PlayerView.countdownSeconds >= 0 && PlayerView.countdownSeconds < 3600
                    text: {
                        const s = Math.max(0, PlayerView.countdownSeconds)
                        return String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0")
                    }
                }
            }
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
