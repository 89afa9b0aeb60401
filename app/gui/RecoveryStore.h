#pragma once
#include "core/session/Session.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

class QLockFile;

namespace folkrnn::gui {

// Where this instance autosaves, and what instances that crashed left behind. Each running
// instance writes into its own subfolder of `root`, held by a lock file; a subfolder whose lock
// is free (its process is gone) holds copies to offer at start-up. A clean exit removes the
// instance's folder, so only a crash leaves something to recover.
class RecoveryStore {
public:
    explicit RecoveryStore(QString root);
    ~RecoveryStore();
    RecoveryStore(const RecoveryStore &) = delete;
    RecoveryStore &operator=(const RecoveryStore &) = delete;

    QString root() const { return root_; }
    // This instance's recovery copy of `session` under `name` (replacing the previous copy);
    // atomic as saveSession. Returns the file; throws InputError naming it.
    QString write(const folkrnn::Session &session, const QString &name);
    // Removes this instance's copy (after a save, or when the user discarded the changes).
    void clear();
    QString currentFile() const { return current_; }

    struct Orphan {
        QString file;
        QString folder;
        QDateTime modified;
    };
    // Copies left by instances that ended without cleaning up, newest first.
    QList<Orphan> orphans() const;
    // Removes an orphan copy, and its folder once empty.
    static void discard(const Orphan &orphan);

private:
    QString root_;
    QString folder_;
    std::unique_ptr<QLockFile> lock_;
    QString current_;
};

} // namespace folkrnn::gui
