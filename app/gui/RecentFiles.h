#pragma once
#include <QObject>
#include <QStringList>

class QMenu;

namespace folkrnn::gui {

// The recently opened model files, kept in QSettings and shown in a menu.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    // `settingsKey`: the QSettings list (models and sessions keep separate lists).
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr,
                         const QString &settingsKey = QStringLiteral("recentModels"));

    void add(const QString &path);
    QStringList files() const;

signals:
    void openRequested(const QString &path);

private:
    void rebuild();

    QMenu *menu_;
    QString key_;
};

} // namespace folkrnn::gui
