#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace fest {

class CtlSession;

// One festctl command ("programme import"). Each command group lives in its own file and
// returns its commands; main() looks them up by name.
struct CtlCommand {
    QString name;      // words, e.g. "screening move"
    QString usage;     // arguments after the name, e.g. "ID --to TIME"
    QString summary;
    QList<QCommandLineOption> options;
    int positionals = 0;  // required positional arguments
    std::function<int(CtlSession &, const QCommandLineParser &args)> run;
    bool needsBroker = true;
};

QList<CtlCommand> programmeCommands();
QList<CtlCommand> screeningCommands();
QList<CtlCommand> filmCommands();
QList<CtlCommand> nodeCommands();
QList<CtlCommand> playerCommands();
QList<CtlCommand> auditCommands();
QList<CtlCommand> voteCommands();
QList<CtlCommand> ceremonyCommands();
QList<CtlCommand> mediaCommands();

} // namespace fest
