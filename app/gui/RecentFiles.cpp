#include "RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace folkrnn::gui {

namespace {
constexpr int kMax = 8;
} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent, const QString &settingsKey)
    : QObject(parent), menu_(menu), key_(settingsKey)
{
    rebuild();
}

QStringList RecentFiles::files() const { return QSettings().value(key_).toStringList(); }

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMax)
        list.removeLast();
    QSettings().setValue(key_, list);
    rebuild();
}

void RecentFiles::rebuild()
{
    menu_->clear();
    const QStringList list = files();
    for (int k = 0; k < list.size(); ++k) {
        const QString path = list[k];
        QAction *a = menu_->addAction(tr("&%1 %2").arg(k + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    menu_->setEnabled(!list.isEmpty());
}

} // namespace folkrnn::gui
