#include "widgets/common/CsvWriter.h"

namespace folkrnn::widgets {

CsvWriter::CsvWriter(const QString &path) : file_(path)
{
    open_ = file_.open(QIODevice::WriteOnly | QIODevice::Text);
    if (open_)
        out_.setDevice(&file_);
}

void CsvWriter::row(const QStringList &fields)
{
    if (!open_)
        return;
    for (qsizetype k = 0; k < fields.size(); ++k) {
        if (k)
            out_ << ',';
        QString f = fields[k];
        // Tokens such as "C," and "\"" need quoting.
        if (f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"')) || f.contains(QLatin1Char('\n')))
            f = QLatin1Char('"') + f.replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
        out_ << f;
    }
    out_ << '\n';
}

bool CsvWriter::finish()
{
    if (!open_)
        return false;
    out_.flush();
    return file_.commit();
}

QString csvNumber(double value) { return QString::number(value, 'g', 17); }

} // namespace folkrnn::widgets
