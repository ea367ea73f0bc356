#pragma once

#include "localizedtext.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace fest {

// One slot on one screen: a single film, or a block of short films played back to back
// in the order of filmIds.
struct Screening
{
    enum class Status { Scheduled, Cancelled };

    QString id;
    QString screenId;
    QDateTime start;            // carries its UTC offset (+08:00)
    QDateTime end;
    QStringList filmIds;
    LocalizedText title;        // block title; empty for a single film
    Status status = Status::Scheduled;
    // The subtitle languages the players show, top line first (none, one, or the
    // festival's usual two); unset = every film's first two subtitle files.
    std::optional<QStringList> subtitleLanguages;

    bool isCancelled() const { return status == Status::Cancelled; }
    bool operator==(const Screening &) const = default;

    // Wire names of Status, in enum order (JSON and CSV).
    static QStringList statusNames() { return {QStringLiteral("scheduled"), QStringLiteral("cancelled")}; }
};

} // namespace fest
