fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let loaded = crosscheck::load(&args, &Default::default());
    std::hint::black_box(&loaded);
    std::process::exit(0);
}
