#pragma once
#include <QObject>
#include <QStringList>

class QMenu;

namespace folkrnn::gui {

// The recently opened model files, kept in QSettings and shown in a menu.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

    void add(const QString &path);
    QStringList files() const;

signals:
    void openRequested(const QString &path);

private:
    void rebuild();

    QMenu *menu_;
};

} // namespace folkrnn::gui
