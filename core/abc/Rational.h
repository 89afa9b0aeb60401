#pragma once
#include <cstdint>
#include <numeric>
#include <string>

namespace folkrnn::abc {

// An exact note length (ABC lengths are products of small fractions; doubles would make
// "3/2 of 1/16" compare unequal to "3/4 of 1/8"). Always reduced, denominator > 0.
struct Rational {
    std::int64_t num = 0;
    std::int64_t den = 1;

    constexpr Rational() = default;
    constexpr Rational(std::int64_t n, std::int64_t d = 1) : num(n), den(d) { normalise(); }

    constexpr void normalise()
    {
        if (den < 0) {
            num = -num;
            den = -den;
        }
        const std::int64_t g = std::gcd(num < 0 ? -num : num, den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }
    friend constexpr Rational operator+(Rational a, Rational b) { return {a.num * b.den + b.num * a.den, a.den * b.den}; }
    friend constexpr Rational operator*(Rational a, Rational b) { return {a.num * b.num, a.den * b.den}; }
    friend constexpr Rational operator/(Rational a, Rational b) { return {a.num * b.den, a.den * b.num}; }
    friend constexpr bool operator==(Rational a, Rational b) { return a.num == b.num && a.den == b.den; }
    friend constexpr bool operator<(Rational a, Rational b) { return a.num * b.den < b.num * a.den; }
    constexpr double value() const { return static_cast<double>(num) / static_cast<double>(den); }

    // folk-rnn's duration token for a length in eighths: "" for 1, "2", "/2", "3/2"...
    std::string durationText() const
    {
        if (num == den)
            return {};
        if (den == 1)
            return std::to_string(num);
        return (num == 1 ? std::string() : std::to_string(num)) + "/" + std::to_string(den);
    }
};

// Parses a duration token ("2", "/2", "3/2", canonical or not) into eighths; false if it is not one.
bool parseDurationText(const std::string &text, Rational &eighths);

} // namespace folkrnn::abc
