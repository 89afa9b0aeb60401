#pragma once
#include <QSaveFile>
#include <QStringList>
#include <QTextStream>

namespace folkrnn::widgets {

// Writes a CSV file (RFC 4180 quoting) all at once or not at all: QSaveFile commits on finish().
class CsvWriter {
public:
    explicit CsvWriter(const QString &path);
    bool isOpen() const { return open_; }
    void row(const QStringList &fields);
    bool finish();

private:
    QSaveFile file_;
    QTextStream out_;
    bool open_ = false;
};

QString csvNumber(double value);

} // namespace folkrnn::widgets
