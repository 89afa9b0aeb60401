#include "RecoveryStore.h"

#include "core/session/Recovery.h"
#include "core/util/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <algorithm>

namespace folkrnn::gui {

namespace {

const QString kLockName = QStringLiteral("lock");

std::unique_ptr<QLockFile> lockFor(const QString &folder)
{
    auto lock = std::make_unique<QLockFile>(QDir(folder).filePath(kLockName));
    // Age says nothing here: a live instance holds its lock for hours. Only a dead owner frees it.
    lock->setStaleLockTime(0);
    return lock;
}

} // namespace

RecoveryStore::RecoveryStore(QString root) : root_(std::move(root)) {}

RecoveryStore::~RecoveryStore()
{
    if (folder_.isEmpty())
        return;
    clear();
    folkrnn::removeStaleTemporaryFiles(folder_.toStdString());
    lock_.reset(); // unlock removes the lock file
    QDir().rmdir(folder_);
}

QString RecoveryStore::write(const folkrnn::Session &session, const QString &name)
{
    if (folder_.isEmpty()) {
        const QString folder = QDir(root_).filePath(QStringLiteral("instance-%1-%2")
                                                        .arg(QCoreApplication::applicationPid())
                                                        .arg(QDateTime::currentMSecsSinceEpoch()));
        if (!QDir().mkpath(folder))
            throw folkrnn::InputError(folder.toStdString(), "cannot create the autosave folder");
        auto lock = lockFor(folder);
        if (!lock->tryLock(0))
            throw folkrnn::InputError(folder.toStdString(), "cannot lock the autosave folder");
        folder_ = folder;
        lock_ = std::move(lock);
    }
    const auto written = folkrnn::writeRecoveryCopy(session, folder_.toStdString(), name.toStdString());
    const QString file = QString::fromStdString(written.string());
    if (!current_.isEmpty() && current_ != file)
        QFile::remove(current_); // the session was renamed (saved as): one copy per instance
    current_ = file;
    return file;
}

void RecoveryStore::clear()
{
    if (!current_.isEmpty())
        QFile::remove(current_);
    current_.clear();
}

QList<RecoveryStore::Orphan> RecoveryStore::orphans() const
{
    QList<Orphan> found;
    const QDir root(root_);
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString folder = root.filePath(name);
        if (folder == folder_)
            continue;
        auto lock = lockFor(folder);
        if (!lock->tryLock(0))
            continue; // a running instance
        folkrnn::removeStaleTemporaryFiles(folder.toStdString());
        for (const auto &file : folkrnn::listRecoveryFiles(folder.toStdString()))
            found.push_back({QString::fromStdString(file.path.string()), folder,
                             QFileInfo(QString::fromStdString(file.path.string())).lastModified()});
        lock.reset();
        QDir().rmdir(folder); // only succeeds when nothing is left in it
    }
    std::sort(found.begin(), found.end(), [](const Orphan &a, const Orphan &b) { return a.modified > b.modified; });
    return found;
}

void RecoveryStore::discard(const Orphan &orphan)
{
    QFile::remove(orphan.file);
    QDir().rmdir(orphan.folder);
}

} // namespace folkrnn::gui
