#include "widgets/abc/StaffRenderer.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace folkrnn::widgets {

namespace {

// abcm2ps colours its strokes through CSS (".stroke {stroke: currentColor}"). Qt SVG drops that
// stroke on elements that also carry a stroke-width attribute (bar lines, beams vanish), and
// the notation is always drawn on white paper: name the colour on every such element.
QByteArray explicitStrokes(QByteArray svg)
{
    svg.replace("currentColor", "black");
    static const QRegularExpression tag(QStringLiteral("<[^>]*class=\"stroke\"[^>]*>"));
    QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size() + text.size() / 8);
    qsizetype last = 0;
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        QString element = m.captured();
        if (!element.contains(QLatin1String(" stroke=\"")))
            element.replace(QLatin1String("class=\"stroke\""), QLatin1String("class=\"stroke\" stroke=\"black\""));
        out += element;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

} // namespace

StaffRenderer::StaffRenderer(QObject *parent) : QObject(parent), program_(program())
{
    delay_.setSingleShot(true);
    delay_.setInterval(120);
    connect(&delay_, &QTimer::timeout, this, &StaffRenderer::start);
}

StaffRenderer::~StaffRenderer()
{
    if (process_ && process_->state() != QProcess::NotRunning) {
        process_->disconnect(this);
        process_->kill();
        process_->waitForFinished(2000);
    }
}

QString StaffRenderer::program() { return QStandardPaths::findExecutable(QStringLiteral("abcm2ps")); }

void StaffRenderer::request(const QString &abc, int widthPx)
{
    if (!available())
        return;
    pendingAbc_ = abc;
    pendingWidth_ = std::max(240, widthPx);
    pending_ = true;
    if (!process_ || process_->state() == QProcess::NotRunning)
        delay_.start();
}

bool StaffRenderer::busy() const
{
    return pending_ || delay_.isActive() || (process_ && process_->state() != QProcess::NotRunning);
}

void StaffRenderer::start()
{
    if (!pending_ || !dir_.isValid())
        return;
    if (process_ && process_->state() != QProcess::NotRunning)
        return; // onFinished() starts the newest request
    pending_ = false;
    // Page as wide as the view (abcm2ps counts 96 px per inch), narrow margins.
    const QString format = QStringLiteral("%%pagewidth %1in\n%%leftmargin 0.15in\n%%rightmargin 0.15in\n"
                                          "%%topspace 0\n%%musicspace 0\n%%titlespace 0\n")
                               .arg(pendingWidth_ / 96.0, 0, 'f', 3);
    QFile in(dir_.filePath(QStringLiteral("tune.abc")));
    if (!in.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        emit failed(tr("Cannot write %1").arg(in.fileName()));
        return;
    }
    in.write((format + pendingAbc_).toUtf8());
    in.close();
    QFile::remove(dir_.filePath(QStringLiteral("staff001.svg")));
    if (!process_) {
        process_ = new QProcess(this);
        process_->setWorkingDirectory(dir_.path());
        process_->setProcessChannelMode(QProcess::MergedChannels);
        connect(process_, &QProcess::finished, this, &StaffRenderer::onFinished);
        connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                emit failed(tr("abcm2ps could not be started"));
        });
    }
    process_->start(program_, {QStringLiteral("-g"), QStringLiteral("-q"), QStringLiteral("-O"),
                               QStringLiteral("staff"), QStringLiteral("tune.abc")});
}

void StaffRenderer::onFinished(int exitCode)
{
    const QByteArray log = process_->readAll();
    QFile out(dir_.filePath(QStringLiteral("staff001.svg")));
    if (out.open(QIODevice::ReadOnly))
        emit rendered(explicitStrokes(out.readAll()));
    else
        emit failed(tr("abcm2ps failed (exit status %1): %2").arg(exitCode).arg(QString::fromLocal8Bit(log).trimmed()));
    if (pending_)
        delay_.start();
}

} // namespace folkrnn::widgets
