#pragma once
#include "SessionController.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStringList>

namespace folkrnn::test {

// A window test's own QSettings (test mode paths, cleared), with autosave off and its recovery
// folder at `autosaveFolder`, so no test sees another's recent files, layout or recovered session.
inline void isolateSessionSettings(const QString &application, const QString &autosaveFolder)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("folk-rnn-test"));
    QCoreApplication::setApplicationName(application);
    QSettings().clear();
    QSettings().setValue(QLatin1String(gui::SessionController::kRecoveryFolderKey), autosaveFolder);
    QSettings().setValue(QLatin1String(gui::SessionController::kAutosaveMinutesKey), 0);
}

// Closes the error boxes a failed operation showed; returns their texts.
inline QStringList takeErrors(QWidget *window)
{
    QStringList texts;
    for (QMessageBox *box : window->findChildren<QMessageBox *>()) {
        texts << box->text();
        box->close();
        box->deleteLater();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return texts;
}

} // namespace folkrnn::test
